using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Deployments.Functions.Workflows;

/// <summary>What an activity class learns about its call when Durable Functions invokes it through an <c>[ActivityTrigger]</c> function.</summary>
internal sealed class FunctionActivityContext(FunctionContext function) : TaskActivityContext
{
    public override TaskName Name => function.FunctionDefinition.Name;

    public override string InstanceId =>
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) && id is not null ? id.ToString()! : string.Empty;
}
