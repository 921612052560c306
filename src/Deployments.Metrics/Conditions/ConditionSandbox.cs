using System.Linq.Expressions;

namespace Deployments.Metrics.Conditions;

/// <summary>
/// Walks a parsed condition and refuses the first node outside the whitelist: constants (numbers and booleans),
/// the <c>result</c> parameter, <c>result[i]</c>, <c>result.Length</c>, arithmetic, comparison, logical and
/// conditional operators, conversions between numeric types and <see cref="ConditionFunctions"/>.
/// </summary>
/// <remarks>
/// DynamicExpresso already refuses what its interpreter was not given (unknown types, reflection, assignment); this
/// walk is the second wall, so a future option or parser change that lets more through still cannot reach a member,
/// a method or a constructor at run time.
/// </remarks>
internal sealed class ConditionSandbox(ParameterExpression result) : ExpressionVisitor
{
    public const string Allowed =
        "it may use result, result[i], result.Length, numbers, arithmetic, comparison, logical and ?: operators, "
        + "numeric casts and " + ConditionFunctions.Listed;

    public static void Check(Expression body, ParameterExpression result) => new ConditionSandbox(result).Visit(body);

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        // What a node is gets checked before its operands, so `"abc".Length` is refused for the member it reaches;
        // what an operator computes gets checked after them, so `result.GetType() != null` is refused for the call
        // inside rather than for the comparison that only carries it.
        CheckNode(node);
        var visited = base.Visit(node);
        CheckOperator(node);
        if (!ConditionTypes.IsValue(node.Type) && node != result)
        {
            throw Refuse($"a value of type {node.Type.Name}");
        }

        return visited;
    }

    private static void CheckOperator(Expression node)
    {
        if (node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } conversion
            && (!ConditionTypes.IsNumeric(conversion.Type) || !ConditionTypes.IsNumeric(conversion.Operand.Type)))
        {
            throw Refuse($"the conversion from {conversion.Operand.Type.Name} to {conversion.Type.Name}");
        }

        var method = node switch
        {
            BinaryExpression binary => binary.Method,
            UnaryExpression unary => unary.Method,
            _ => null,
        };
        if (method is not null && !ConditionTypes.IsNumeric(method.DeclaringType!))
        {
            throw Refuse($"the operator {method.DeclaringType!.Name}.{method.Name}");
        }
    }

    private void CheckNode(Expression node)
    {
        switch (node)
        {
            case ConstantExpression constant when constant.Value is null || !ConditionTypes.IsValue(constant.Type):
                throw Refuse(constant.Value is Type type ? $"typeof({type.Name})" : $"a constant of type {constant.Type.Name}");
            case ConstantExpression:
                return;
            case ParameterExpression parameter when parameter != result:
                throw Refuse($"the variable '{parameter.Name}'");
            case ParameterExpression:
                return;
            case BinaryExpression { NodeType: ExpressionType.ArrayIndex } index when index.Left != result:
                throw Refuse("indexing anything but result");
            case IndexExpression index when index.Object != result || index.Indexer is not null:
                throw Refuse("indexing anything but result");
            case UnaryExpression { NodeType: ExpressionType.ArrayLength } length when length.Operand != result:
                throw Refuse("the length of anything but result");
            case MemberExpression member when !IsResultLength(member):
                throw Refuse($"the member {member.Member.DeclaringType?.Name}.{member.Member.Name}");
            case MethodCallExpression call when !ConditionFunctions.Allows(call.Method):
                throw Refuse($"the method {call.Method.DeclaringType?.Name}.{call.Method.Name}");
        }

        if (!IsAllowedKind(node.NodeType))
        {
            throw Refuse(Describe(node.NodeType));
        }
    }

    private bool IsResultLength(MemberExpression member) =>
        member.Expression == result && member.Member.Name == nameof(Array.Length) && member.Member.DeclaringType == typeof(Array);

    private static bool IsAllowedKind(ExpressionType kind) => kind switch
    {
        ExpressionType.Constant or ExpressionType.Parameter or ExpressionType.ArrayIndex or ExpressionType.Index
            or ExpressionType.ArrayLength or ExpressionType.MemberAccess or ExpressionType.Call => true,
        ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked
            or ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo
            or ExpressionType.Negate or ExpressionType.NegateChecked or ExpressionType.UnaryPlus => true,
        ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
            or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual => true,
        ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.Not or ExpressionType.And or ExpressionType.Or
            or ExpressionType.ExclusiveOr or ExpressionType.Conditional => true,
        ExpressionType.Convert or ExpressionType.ConvertChecked => true,
        _ => false,
    };

    private static string Describe(ExpressionType kind) => kind switch
    {
        ExpressionType.New or ExpressionType.MemberInit or ExpressionType.ListInit => "creating objects (new)",
        ExpressionType.NewArrayInit or ExpressionType.NewArrayBounds => "creating arrays",
        ExpressionType.Lambda or ExpressionType.Quote => "lambdas",
        ExpressionType.Invoke => "invoking delegates",
        ExpressionType.TypeIs or ExpressionType.TypeAs or ExpressionType.TypeEqual => "type tests (is, as)",
        ExpressionType.Assign or ExpressionType.AddAssign or ExpressionType.SubtractAssign or ExpressionType.MultiplyAssign
            or ExpressionType.DivideAssign or ExpressionType.ModuloAssign or ExpressionType.PreIncrementAssign
            or ExpressionType.PostIncrementAssign or ExpressionType.PreDecrementAssign or ExpressionType.PostDecrementAssign => "assignment",
        _ => $"the operation {kind}",
    };

    private static ConditionRefusedException Refuse(string what) => new($"may not use {what}: {Allowed}");
}
