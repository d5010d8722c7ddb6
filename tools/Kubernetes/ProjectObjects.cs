namespace Platform.Kubernetes;

/// <summary>
/// The objects of one project: Deployment, Service, PodDisruptionBudget, for worker services an autoscaler and, for the
/// gateway, the TLS Ingress.
/// </summary>
public static class ProjectObjects
{
    /// <summary>The Ingress's host, a placeholder the operator's overlay replaces (docs/kubernetes.md).</summary>
    public const string IngressHost = "platform.example.com";

    /// <summary>The Secret of the Ingress's certificate, which cert-manager or the operator creates.</summary>
    public const string TlsSecret = "gateway-tls";

    /// <summary>The class of ingress-nginx, whose namespace the gateway's NetworkPolicy admits.</summary>
    public const string IngressClass = "nginx";

    public static YamlMap Deployment(Workload workload) => new()
    {
        { "apiVersion", "apps/v1" },
        { "kind", "Deployment" },
        { "metadata", Metadata(workload.Name) },
        {
            "spec", new YamlMap
            {
                { "replicas", Workload.Replicas },
                { "selector", new YamlMap { { "matchLabels", Labels(workload.Name) } } },
                {
                    "template", new YamlMap
                    {
                        { "metadata", new YamlMap { { "labels", Labels(workload.Name) } } },
                        { "spec", PodSpec(workload) },
                    }
                },
            }
        },
    };

    public static YamlMap Service(Workload workload) => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Service" },
        { "metadata", Metadata(workload.Name) },
        {
            "spec", new YamlMap
            {
                // Even the gateway's: it is reached from outside only through its Ingress, over TLS.
                { "type", "ClusterIP" },
                { "selector", Labels(workload.Name) },
                { "ports", new object[] { new YamlMap { { "name", "http" }, { "port", Workload.HttpPort }, { "targetPort", "http" } } } },
            }
        },
    };

    public static YamlMap DisruptionBudget(Workload workload) => new()
    {
        { "apiVersion", "policy/v1" },
        { "kind", "PodDisruptionBudget" },
        { "metadata", Metadata(workload.Name) },
        { "spec", new YamlMap { { "minAvailable", 1 }, { "selector", new YamlMap { { "matchLabels", Labels(workload.Name) } } } } },
    };

    public static YamlMap Autoscaler(Workload workload) => new()
    {
        { "apiVersion", "autoscaling/v2" },
        { "kind", "HorizontalPodAutoscaler" },
        { "metadata", Metadata(workload.Name) },
        {
            "spec", new YamlMap
            {
                { "scaleTargetRef", new YamlMap { { "apiVersion", "apps/v1" }, { "kind", "Deployment" }, { "name", workload.Name } } },
                { "minReplicas", Workload.Replicas },
                { "maxReplicas", 6 },
                {
                    "metrics", new object[]
                    {
                        new YamlMap
                        {
                            { "type", "Resource" },
                            {
                                "resource", new YamlMap
                                {
                                    { "name", "cpu" },
                                    { "target", new YamlMap { { "type", "Utilization" }, { "averageUtilization", 70 } } },
                                }
                            },
                        },
                    }
                },
            }
        },
    };

    /// <summary>
    /// What the Ingress passes to the gateway: the API, its documents and reference, and the probes; the gateway's own
    /// <c>/metrics</c> stays inside the cluster like every service's.
    /// </summary>
    public static IReadOnlyList<string> PublicPrefixes { get; } = ["/api", "/openapi", "/docs", "/health"];

    public static YamlMap Ingress(Workload gateway) => new()
    {
        { "apiVersion", "networking.k8s.io/v1" },
        { "kind", "Ingress" },
        {
            "metadata", new YamlMap
            {
                { "name", gateway.Name },
                { "labels", Labels(gateway.Name) },
                { "annotations", new YamlMap { { "nginx.ingress.kubernetes.io/ssl-redirect", "true" } } },
            }
        },
        {
            "spec", new YamlMap
            {
                { "ingressClassName", IngressClass },
                { "tls", new object[] { new YamlMap { { "hosts", new object[] { IngressHost } }, { "secretName", TlsSecret } } } },
                {
                    "rules", new object[]
                    {
                        new YamlMap
                        {
                            { "host", IngressHost },
                            {
                                "http", new YamlMap
                                {
                                    {
                                        "paths", PublicPrefixes.Select(prefix => new YamlMap
                                        {
                                            { "path", prefix },
                                            { "pathType", "Prefix" },
                                            {
                                                "backend", new YamlMap
                                                {
                                                    {
                                                        "service", new YamlMap
                                                        {
                                                            { "name", gateway.Name },
                                                            { "port", new YamlMap { { "name", "http" } } },
                                                        }
                                                    },
                                                }
                                            },
                                        }).ToArray<object>()
                                    },
                                }
                            },
                        },
                    }
                },
            }
        },
    };

    public static YamlMap Metadata(string name) => new() { { "name", name }, { "labels", Labels(name) } };

    public static YamlMap Labels(string name) => new() { { "app", name } };

    private static YamlMap PodSpec(Workload workload) => new()
    {
        { "terminationGracePeriodSeconds", Workload.TerminationGracePeriodSeconds },
        { "automountServiceAccountToken", false },
        { "securityContext", PodSecurity.Pod(PodSecurity.DotNetUser) },
        {
            "containers", new object[]
            {
                new YamlMap
                {
                    { "name", workload.Name },
                    { "image", workload.Image },
                    { "imagePullPolicy", "IfNotPresent" },
                    { "ports", new object[] { new YamlMap { { "name", "http" }, { "containerPort", Workload.HttpPort } } } },
                    {
                        "envFrom", new object[]
                        {
                            new YamlMap { { "configMapRef", new YamlMap { { "name", $"{workload.Name}-env" } } } },
                            new YamlMap { { "secretRef", new YamlMap { { "name", $"{workload.Name}-secrets" } } } },
                        }
                    },
                    {
                        "resources", new YamlMap
                        {
                            { "requests", new YamlMap { { "cpu", "250m" }, { "memory", "256Mi" } } },
                            { "limits", new YamlMap { { "cpu", workload.CpuLimit }, { "memory", workload.MemoryLimit } } },
                        }
                    },
                    { "livenessProbe", Probe("/health/live", periodSeconds: 10, failureThreshold: 3) },
                    { "readinessProbe", Probe("/health/ready", periodSeconds: 5, failureThreshold: 3) },
                    { "securityContext", PodSecurity.Container() },
                    { "volumeMounts", PodSecurity.Mounts(PodSecurity.DotNetWritableDirectories).ToArray() },
                },
            }
        },
        { "volumes", PodSecurity.Volumes(PodSecurity.DotNetWritableDirectories).ToArray() },
    };

    /// <summary>The probe paths of ServiceDefaults' <c>MapDefaultEndpoints</c>.</summary>
    private static YamlMap Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        { "httpGet", new YamlMap { { "path", path }, { "port", "http" } } },
        { "initialDelaySeconds", 5 },
        { "periodSeconds", periodSeconds },
        { "failureThreshold", failureThreshold },
    };
}
