namespace Deployments.Server.QuickStart;

/// <summary>
/// An analysis template for the sample app, written next to the quick start's prometheus.yml: the canary fails
/// when more than 5% of its requests answer 5xx, measured by the Prometheus that file configures. The shape is
/// the analysis templates API's request body, so the file can be posted as it is. A revision that has answered
/// no 5xx has no 5xx series at all: <c>or vector(0)</c> makes that a rate of 0 rather than an empty result.
/// </summary>
internal static class AnalysisTemplateExample
{
    public const string FileName = "analysis-template-error-rate.json";

    public const string Json = """
        {
          "name": "error-rate",
          "metrics": [
            {
              "name": "error-rate",
              "provider": {
                "prometheus": {
                  "address": "http://127.0.0.1:9090",
                  "query": "(sum(rate(sample_requests_total{deployment=\"{{deployment_id}}\",code=~\"5..\"}[20s])) or vector(0)) / sum(rate(sample_requests_total{deployment=\"{{deployment_id}}\"}[20s]))"
                }
              },
              "interval": "5s",
              "count": 6,
              "initial_delay": "10s",
              "success_condition": "result[0] < 0.05",
              "failure_condition": "result[0] >= 0.05",
              "failure_limit": 1,
              "inconclusive_limit": 1,
              "consecutive_error_limit": 3
            }
          ]
        }

        """;
}
