using System.Globalization;
using System.Text.Json;
using Deployments.Api.Auth;
using Deployments.Api.Http;
using Deployments.Api.OpenApi;
using Deployments.Orchestrations;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Mvc;

namespace Deployments.Api.Operator;

/// <summary>
/// Instance management for operators at the paths Durable Functions uses
/// (<c>/runtime/webhooks/durabletask/instances/…</c>): status with history, history alone, raise event,
/// terminate, suspend, resume, purge one or many, and list with filters. Admin key only: these bypass the
/// deployment rules, so they are for repairing what the API cannot.
/// </summary>
internal static class DurableTaskOperatorApi
{
    public const string Prefix = "/runtime/webhooks/durabletask";
    public const string ContinuationHeader = "x-ms-continuation-token";

    public static IEndpointRouteBuilder MapDurableTaskOperatorApi(this IEndpointRouteBuilder app)
    {
        var instances = app.MapGroup($"{Prefix}/instances").WithTags("Operator").RequireCapability(Capability.Admin, global: true).WithProblemResponses();
        instances.MapGet("/", ListAsync).WithName("ListInstances").Produces<IReadOnlyList<InstanceStatusResponse>>();
        instances.MapDelete("/", PurgeManyAsync).WithName("PurgeInstances").Produces<PurgeResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapGet("/{instanceId}", StatusAsync).WithName("GetInstance")
            .Produces<InstanceStatusResponse>().Produces<InstanceStatusResponse>(StatusCodes.Status202Accepted);
        instances.MapGet("/{instanceId}/history", HistoryAsync).WithName("GetInstanceHistory").Produces<InstanceHistoryResponse>();
        instances.MapDelete("/{instanceId}", PurgeAsync).WithName("PurgeInstance").Produces<PurgeResponse>();
        instances.MapPost("/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithName("RaiseInstanceEvent").Signal();
        instances.MapPost("/{instanceId}/terminate", (string instanceId, [FromQuery] string? reason, DurableTaskClient client, CancellationToken ct) =>
            SignalAsync(instanceId, client, c => client.TerminateInstanceAsync(instanceId, reason, c), ct))
            .WithName("TerminateInstance").Signal();
        instances.MapPost("/{instanceId}/suspend", (string instanceId, [FromQuery] string? reason, DurableTaskClient client, CancellationToken ct) =>
            SignalAsync(instanceId, client, c => client.SuspendInstanceAsync(instanceId, reason, c), ct))
            .WithName("SuspendInstance").Signal();
        instances.MapPost("/{instanceId}/resume", (string instanceId, [FromQuery] string? reason, DurableTaskClient client, CancellationToken ct) =>
            SignalAsync(instanceId, client, c => client.ResumeInstanceAsync(instanceId, reason, c), ct))
            .WithName("ResumeInstance").Signal();
        return app;
    }

    /// <summary>As Durable Functions answers: 200 once the instance has ended, 202 while it runs, 404 when unknown.</summary>
    private static Task<IResult> StatusAsync(
        string instanceId, DurableTaskClient client, [FromQuery] bool? showHistory, [FromQuery] bool? showHistoryOutput, [FromQuery] bool? showInput, CancellationToken ct) =>
        Guard(async () =>
        {
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct) is not { } instance)
            {
                return UnknownInstance(instanceId);
            }

            var history = showHistory == true ? await client.GetOrchestrationHistoryAsync(instanceId, ct) : null;
            var status = InstanceStatusResponse.From(instance, history, showHistoryOutput == true, withInput: showInput != false);
            return Json(status, instance.IsCompleted ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
        });

    private static Task<IResult> HistoryAsync(string instanceId, DurableTaskClient client, [FromQuery] bool? showHistoryOutput, CancellationToken ct) =>
        Guard(async () =>
        {
            if (await client.GetInstanceAsync(instanceId, ct) is null)
            {
                return UnknownInstance(instanceId);
            }

            var history = await client.GetOrchestrationHistoryAsync(instanceId, ct);
            return Json(new InstanceHistoryResponse(instanceId, [.. history.Select(e => InstanceStatusResponse.HistoryEventJson(e, showHistoryOutput != false))]));
        });

    private static Task<IResult> ListAsync(
        HttpContext http, DurableTaskClient client, [FromQuery] string[]? runtimeStatus, [FromQuery] DateTimeOffset? createdTimeFrom,
        [FromQuery] DateTimeOffset? createdTimeTo, [FromQuery] string? instanceIdPrefix, [FromQuery] int? top, [FromQuery] bool? showInput, CancellationToken ct) =>
        Guard(async () =>
        {
            if (ParseStatuses(runtimeStatus) is not { } statuses)
            {
                return InvalidStatus();
            }

            var pageSize = Math.Clamp(top ?? 100, 1, 1000);
            var query = new OrchestrationQuery
            {
                Statuses = statuses,
                CreatedFrom = createdTimeFrom,
                CreatedTo = createdTimeTo,
                InstanceIdPrefix = instanceIdPrefix,
                PageSize = pageSize,
                FetchInputsAndOutputs = showInput == true,
            };
            var continuation = http.Request.Headers[ContinuationHeader] is [{ Length: > 0 } token] ? token : null;
            var instances = new List<InstanceStatusResponse>();
            await foreach (var page in client.GetAllInstancesAsync(query).AsPages(continuation, pageSize).WithCancellation(ct))
            {
                instances.AddRange(page.Values.Select(i => InstanceStatusResponse.From(i)));
                if (page.ContinuationToken is { Length: > 0 } next)
                {
                    http.Response.Headers[ContinuationHeader] = next;
                }

                break;
            }

            return Json(instances);
        });

    private static Task<IResult> RaiseEventAsync(string instanceId, string eventName, HttpContext http, DurableTaskClient client, CancellationToken ct) =>
        Guard(async () =>
        {
            if (await client.GetInstanceAsync(instanceId, ct) is not { } instance)
            {
                return UnknownInstance(instanceId);
            }

            if (instance.IsCompleted)
            {
                return Ended(instance);
            }

            JsonElement? payload = null;
            if (http.Request.ContentLength is not 0)
            {
                try
                {
                    using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
                    payload = body.RootElement.Clone();
                }
                catch (JsonException malformed)
                {
                    return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid event payload", $"The body is not JSON: {malformed.Message}", "body");
                }
            }

            await client.RaiseEventAsync(instanceId, eventName, payload, ct);
            return TypedResults.Accepted((string?)null);
        });

    /// <summary>Terminate, suspend and resume: 202 when sent, 404 for an unknown instance, 410 once it has ended.</summary>
    private static Task<IResult> SignalAsync(string instanceId, DurableTaskClient client, Func<CancellationToken, Task> send, CancellationToken ct) =>
        Guard(async () =>
        {
            if (await client.GetInstanceAsync(instanceId, ct) is not { } instance)
            {
                return UnknownInstance(instanceId);
            }

            if (instance.IsCompleted)
            {
                return Ended(instance);
            }

            await send(ct);
            return TypedResults.Accepted((string?)null);
        });

    private static Task<IResult> PurgeAsync(string instanceId, DurableTaskClient client, CancellationToken ct) =>
        Guard(async () =>
        {
            var result = await client.PurgeInstanceAsync(instanceId, ct);
            return result.PurgedInstanceCount == 0 ? UnknownInstance(instanceId) : Json(new PurgeResponse(result.PurgedInstanceCount));
        });

    private static Task<IResult> PurgeManyAsync(
        DurableTaskClient client, [FromQuery] string[]? runtimeStatus, [FromQuery] DateTimeOffset? createdTimeFrom, [FromQuery] DateTimeOffset? createdTimeTo, CancellationToken ct) =>
        Guard(async () =>
        {
            if (ParseStatuses(runtimeStatus) is not { } statuses)
            {
                return InvalidStatus();
            }

            if (createdTimeFrom is null)
            {
                // As Durable Functions: a purge of everything needs at least a start of the time range.
                return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Missing filter", "Purging many instances needs createdTimeFrom.", "createdTimeFrom");
            }

            var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(createdTimeFrom, createdTimeTo, statuses), ct);
            return result.PurgedInstanceCount == 0
                ? ProblemResults.Problem(StatusCodes.Status404NotFound, "Nothing to purge", "No ended instance matches the filter.")
                : Json(new PurgeResponse(result.PurgedInstanceCount));
        });

    /// <summary>Raise event, terminate, suspend, resume: 202 with no body once sent, 410 when the instance has already ended.</summary>
    private static RouteHandlerBuilder Signal(this RouteHandlerBuilder route) =>
        route.Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status410Gone);

    /// <summary>Statuses may come as repeated parameters or comma-separated, as Durable Functions accepts them.</summary>
    private static List<OrchestrationRuntimeStatus>? ParseStatuses(string[]? values)
    {
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<OrchestrationRuntimeStatus>(value, ignoreCase: true, out var status) || int.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                return null;
            }

            statuses.Add(status);
        }

        return statuses;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InvalidStatus() =>
        ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid runtimeStatus", $"Known statuses: {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}.", "runtimeStatus");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownInstance(string instanceId) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "Unknown instance", $"No orchestration instance with id '{instanceId}' exists.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Ended(OrchestrationMetadata instance) =>
        ProblemResults.Problem(StatusCodes.Status410Gone, "The instance has ended", $"Instance '{instance.InstanceId}' is {instance.RuntimeStatus}.");

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<object> Json(object value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, WorkflowJson.Options, statusCode: status);

    private static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ArgumentException invalid)
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Invalid request", invalid.Message, invalid.ParamName);
        }
        catch (InvalidOperationException refused)
        {
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "The instance's state refuses this", refused.Message);
        }
    }
}
