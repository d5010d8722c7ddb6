// The AppHost starts PostgreSQL and Redis from the machine's binaries and signals processes through libc: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
