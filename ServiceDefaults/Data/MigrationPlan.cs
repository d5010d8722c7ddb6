using System.Reflection;

namespace Platform.ServiceDefaults.Data;

/// <summary>Which database to migrate and the assembly whose embedded <c>Migrations/*.sql</c> scripts to apply.</summary>
internal sealed record MigrationPlan(string ConnectionString, Assembly ScriptAssembly);
