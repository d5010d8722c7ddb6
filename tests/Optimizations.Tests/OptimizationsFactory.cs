using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Optimizations.Tests;

public sealed class OptimizationsFactory() : ServiceFactory<Program>(ResourceNames.OptimizationsDb);
