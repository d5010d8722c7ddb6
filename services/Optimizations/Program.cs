using Platform.Optimizations;
using Platform.Optimizations.Optimizations;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

// The engine keeps a thread busy on every core. Pool threads ready up front let heartbeats and database calls run
// meanwhile, instead of waiting seconds for the pool to grow while a cancelled run goes on computing.
ThreadPool.GetMinThreads(out var workerThreads, out var completionThreads);
ThreadPool.SetMinThreads(Math.Max(workerThreads, 4 * Environment.ProcessorCount), completionThreads);

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSignedIdentity(ResourceNames.Optimizations);
builder.AddApplicationServices();

var app = builder.Build();

app.MapOptimizationsApi();
app.MapDefaultEndpoints();

app.Run();
