using Platform.Testing;

namespace Platform.Health.Tests;

public sealed class HealthFactory() : ServiceFactory<Program>(databaseResource: null);
