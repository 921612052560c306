using System.Collections.Concurrent;
using System.Diagnostics;

namespace Api.Bench;

/// <summary>One kind of request a client sends: a name, its share of the mix, and how to send it.</summary>
internal sealed record Operation(string Name, int Weight, Func<HttpClient, int, Task<HttpResponseMessage>> Send);

/// <summary>Per-operation results of a load run: requests per second and latency percentiles.</summary>
internal sealed record LoadResult(string Operation, int Requests, int Failures, double RequestsPerSecond, Percentiles Latency);

/// <summary>N concurrent clients send a weighted mix of operations for a fixed time; every latency is kept.</summary>
internal static class LoadRun
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(HttpClient http, IReadOnlyList<Operation> mix, int clients, TimeSpan duration)
    {
        var samples = mix.ToDictionary(op => op.Name, _ => new ConcurrentBag<double>());
        var failures = mix.ToDictionary(op => op.Name, _ => 0);
        var gate = new Lock();
        var total = mix.Sum(op => op.Weight);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
#pragma warning disable CA5394 // Seeded per client so every run sends the same mix in the same order; nothing here needs secrecy.
                var pick = random.Next(total);
#pragma warning restore CA5394
                var operation = mix.First(op => (pick -= op.Weight) < 0);
                var started = Stopwatch.GetTimestamp();
                using var response = await operation.Send(http, client);
                samples[operation.Name].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if ((int)response.StatusCode >= 500 || (!response.IsSuccessStatusCode && (int)response.StatusCode != 409))
                {
                    lock (gate)
                    {
                        failures[operation.Name]++;
                    }
                }
            }
        })));

        var seconds = clock.Elapsed.TotalSeconds;
        return [.. mix.Select(op => new LoadResult(op.Name, samples[op.Name].Count, failures[op.Name], samples[op.Name].Count / seconds, Percentiles.Of(samples[op.Name])))];
    }
}
