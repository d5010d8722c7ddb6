using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Platform.ServiceDefaults.Events;

/// <summary>
/// A job's server-sent events (docs/api-behaviour.md, 1.9): the current state at once as a <c>state</c> event, a <c>state</c>
/// event whenever a reading of the job every <see cref="JobEventOptions.PollInterval"/> differs, and once the job has ended
/// its final state as an <c>end</c> event, after which the stream closes. Each event's data is the job as its <c>GET</c>
/// answers it; its id is a digest of the state, the same on every replica, so a client that reconnects with the id of the
/// <c>end</c> event it already has gets 204, which tells an EventSource to stop reconnecting.
/// </summary>
/// <remarks>
/// Written by hand rather than through <c>TypedResults.ServerSentEvents</c>, whose formatter cannot write the comment lines
/// that keep an idle stream open through proxies. Serialized JSON holds no line break, so each event has one data line.
/// </remarks>
public sealed class JobEventStream<TView>(JobState<TView> current, Func<CancellationToken, Task<JobState<TView>?>> read)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<JobEventOptions>>().Value;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var state = current;
        var id = JobEvents.Id(state.Version);
        if (state.Ended && context.Request.Headers["Last-Event-ID"] == id)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var response = context.Response;
        response.ContentType = JobEvents.ContentType;
        response.Headers.CacheControl = "no-cache";
        // nginx, as an ingress in front of the gateway, would otherwise hold the events in its buffer.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        // A client that leaves cancels RequestAborted; the exception handler takes the cancellation as the request's end.
        var stopping = context.RequestAborted;
        await WriteAsync(response, state, id, json, stopping);
        var lastWrite = time.GetTimestamp();
        while (!state.Ended)
        {
            await Task.Delay(options.PollInterval, time, stopping);
            if (await read(stopping) is not { } next)
            {
                return;
            }
            var nextId = JobEvents.Id(next.Version);
            if (nextId != id)
            {
                (state, id) = (next, nextId);
                await WriteAsync(response, state, id, json, stopping);
                lastWrite = time.GetTimestamp();
            }
            else if (time.GetElapsedTime(lastWrite) >= options.KeepAliveInterval)
            {
                await response.Body.WriteAsync(JobEvents.KeepAlive, stopping);
                await response.Body.FlushAsync(stopping);
                lastWrite = time.GetTimestamp();
            }
        }
    }

    private static async Task WriteAsync(HttpResponse response, JobState<TView> state, string id, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(state.View, json);
        await response.WriteAsync($"id: {id}\nevent: {(state.Ended ? JobEvents.EndEvent : JobEvents.StateEvent)}\ndata: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TView), [JobEvents.ContentType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status204NoContent, typeof(void)));
    }
}
