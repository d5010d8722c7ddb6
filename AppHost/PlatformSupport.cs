// The AppHost runs PostgreSQL and Redis from the machine's binaries, as the postgres user when root: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
