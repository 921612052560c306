using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Deployments.Metrics.Conditions;

/// <summary>
/// Rewrites every <c>result[i]</c> into a call of <see cref="At"/>, so an index past the reading fails with the
/// index and the reading's size instead of a bare <see cref="IndexOutOfRangeException"/> that names neither.
/// </summary>
internal sealed class ResultIndexer(ParameterExpression result) : ExpressionVisitor
{
    private static readonly MethodInfo AtMethod = typeof(ResultIndexer).GetMethod(nameof(At), BindingFlags.Static | BindingFlags.NonPublic)!;

    public static Expression Rewrite(Expression body, ParameterExpression result) => new ResultIndexer(result).Visit(body);

    protected override Expression VisitBinary(BinaryExpression node) =>
        node.NodeType == ExpressionType.ArrayIndex && node.Left == result
            ? Expression.Call(AtMethod, result, Visit(node.Right))
            : base.VisitBinary(node);

    protected override Expression VisitIndex(IndexExpression node) =>
        node.Object == result && node.Arguments.Count == 1
            ? Expression.Call(AtMethod, result, Visit(node.Arguments[0]))
            : base.VisitIndex(node);

    private static double At(double[] values, int index)
    {
        if (index < 0 || index >= values.Length)
        {
            var count = values.Length == 1 ? "1 value" : string.Create(CultureInfo.InvariantCulture, $"{values.Length} values");
            throw new MetricConditionException(string.Create(CultureInfo.InvariantCulture, $"result[{index}] is out of range: the reading has {count}."));
        }

        return values[index];
    }
}
