using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Backtests.Tests;

public sealed class BacktestsFactory() : ServiceFactory<Program>(ResourceNames.BacktestsDb);
