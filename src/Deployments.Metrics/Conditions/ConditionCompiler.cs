using System.Linq.Expressions;
using DynamicExpresso;
using DynamicExpresso.Exceptions;

namespace Deployments.Metrics.Conditions;

/// <summary>Parses a condition with DynamicExpresso, checks it against <see cref="ConditionSandbox"/>, and compiles it.</summary>
internal static class ConditionCompiler
{
    public const int MaxLength = 1000;

    public const string ParameterName = "result";

    /// <summary>Parses without compiling: what <see cref="MetricCondition.Check"/> needs.</summary>
    public static CompiledCondition Parse(string expression) => Build(expression, compile: false);

    /// <summary>Parses, checks and compiles into a delegate over the reading's values.</summary>
    public static CompiledCondition Compile(string expression) => Build(expression, compile: true);

    private static CompiledCondition Build(string expression, bool compile)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return CompiledCondition.Refused("is empty: write a boolean expression over result, e.g. result[0] < 0.05");
        }

        if (expression.Length > MaxLength)
        {
            return CompiledCondition.Refused($"is {expression.Length} characters long; at most {MaxLength} are allowed");
        }

        var parameter = new Parameter(ParameterName, typeof(double[]));
        Lambda lambda;
        try
        {
            lambda = NewInterpreter().Parse(expression, parameter);
        }
        catch (ReflectionNotAllowedException)
        {
            return CompiledCondition.Refused("may not use reflection (GetType, members of Type)");
        }
        catch (AssignmentOperatorDisabledException)
        {
            return CompiledCondition.Refused("may not use assignment");
        }
        catch (UnknownIdentifierException unknown)
        {
            // Types and namespaces the interpreter was not given (System, File, Environment, object) end here.
            return CompiledCondition.Refused($"may not use '{unknown.Identifier}': {ConditionSandbox.Allowed}");
        }
        catch (ParseException parse)
        {
            return CompiledCondition.Refused($"is not a valid expression: {parse.Message}");
        }
        catch (Exception invalid) when (invalid is InvalidOperationException or ArgumentException)
        {
            // The Expression factories DynamicExpresso calls throw these when operands do not fit an operator (bool + 1).
            return CompiledCondition.Refused($"is not a valid expression: {invalid.Message}");
        }

        var result = parameter.Expression;
        try
        {
            ConditionSandbox.Check(lambda.Expression, result);
        }
        catch (ConditionRefusedException refused)
        {
            return CompiledCondition.Refused(refused.Message);
        }

        if (lambda.Expression.Type != typeof(bool))
        {
            return CompiledCondition.Refused(
                $"must be true or false (a comparison such as result[0] < 0.05), but it computes a {ConditionTypes.Name(lambda.Expression.Type)}");
        }

        if (!compile)
        {
            return new CompiledCondition(null, null);
        }

        var body = ResultIndexer.Rewrite(lambda.Expression, result);
        return new CompiledCondition(Expression.Lambda<Func<double[], bool>>(body, result).Compile(), null);
    }

    /// <summary>
    /// An interpreter that knows nothing but <c>true</c>/<c>false</c>, the numeric type names a cast needs, and
    /// <see cref="Math"/>: no common types, no lambdas, no assignment, reflection left disabled (the default).
    /// </summary>
    private static Interpreter NewInterpreter()
    {
        var interpreter = new Interpreter(InterpreterOptions.SystemKeywords);
        interpreter.EnableAssignment(AssignmentOperators.None);
        foreach (var (name, type) in new (string, Type)[] { ("double", typeof(double)), ("float", typeof(float)), ("int", typeof(int)), ("long", typeof(long)), ("Math", typeof(Math)) })
        {
            interpreter.Reference(type, name);
        }

        return interpreter;
    }
}
