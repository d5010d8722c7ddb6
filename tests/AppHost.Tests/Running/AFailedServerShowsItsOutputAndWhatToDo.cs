using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Platform.AppHost.Tests.Running;

public sealed class AFailedServerShowsItsOutputAndWhatToDo(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("apphost-broken-");

    [Fact]
    public async Task PostgreSQLRefusingItsDataDirectoryIsReportedWithItsOwnOutput()
    {
        File.SetUnixFileMode(_directory.FullName, (UnixFileMode)0b111_101_101);
        // A data directory that looks initialised but belongs to root: PostgreSQL, run as its own user, cannot open it.
        var postgresData = Directory.CreateDirectory(Path.Combine(_directory.FullName, "data", "postgres"));
        await File.WriteAllTextAsync(Path.Combine(postgresData.FullName, "PG_VERSION"), "15\n");
        File.SetUnixFileMode(postgresData.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var logs = new CapturedLogs();
        using var timeout = new CancellationTokenSource(Timeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--AppHost:DataDirectory={_directory.FullName}", "--AppHost:DataServers=executables", "--AppHost:Ports:gateway=0"],
            timeout.Token);
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        await using var app = await builder.BuildAsync(timeout.Token);

        // Aspire's start waits for every resource, which a failed PostgreSQL never lets happen.
        using var starting = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var start = app.StartAsync(starting.Token);
        string? report;
        try
        {
            report = await Eventually.ReturnsAsync(
                () => Task.FromResult(logs.Messages.FirstOrDefault(message => message.StartsWith("postgres did not start", StringComparison.Ordinal))),
                message => message is not null, Timeout, "the AppHost to report PostgreSQL's failure");
        }
        finally
        {
            // What the AppHost warned about, and why its start failed if it did: the first things to read when the report does not come.
            output.WriteLine(string.Join('\n', logs.Messages));
            if (start.IsFaulted)
            {
                output.WriteLine($"The AppHost's start failed: {start.Exception}");
            }
        }
        await starting.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
        await app.StopAsync(timeout.Token);

        Assert.Contains("Permission denied", report, StringComparison.Ordinal);
        Assert.Contains("What to do:", report, StringComparison.Ordinal);
        Assert.Contains(postgresData.FullName, report, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory.FullName, "state.json")));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IEnumerable<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
