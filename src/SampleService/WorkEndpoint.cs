namespace SampleService;

/// <summary>
/// The sample's work endpoint, <c>/</c>, with the faults a canary analysis should catch: a share of 500s
/// (ERROR_RATE) and added latency (LATENCY_MS). <c>/health</c> stays out of it on purpose, so a faulty version
/// still passes the rollout's health gate and only its metrics tell it apart.
/// </summary>
internal sealed class WorkEndpoint(SampleSettings settings, Random random)
{
    public async Task<IResult> AnswerAsync(CancellationToken cancellationToken)
    {
        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, cancellationToken);
        }

        // NextDouble is in [0, 1): a rate of 0 never fails and a rate of 1 always does.
#pragma warning disable CA5394 // Which request fails only has to hit the rate; nothing is worse off if it can be guessed.
        var fail = random.NextDouble() < settings.ErrorRate;
#pragma warning restore CA5394
        return fail
            ? Results.Json(new { error = "injected failure", version = settings.Version }, statusCode: StatusCodes.Status500InternalServerError)
            : Results.Json(new { version = settings.Version, allocation_id = settings.AllocationId });
    }
}
