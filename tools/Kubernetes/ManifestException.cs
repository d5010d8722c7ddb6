namespace Platform.Kubernetes;

/// <summary>The manifest says something the generator has no Kubernetes form for.</summary>
public sealed class ManifestException(string message) : Exception(message);
