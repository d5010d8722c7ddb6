using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.MarketData.Tests;

public sealed class MarketDataFactory() : ServiceFactory<Program>(ResourceNames.MarketDataDb);
