using Deployments.Refusals;

namespace Deployments.Api.Apis;

/// <summary>
/// Body fields without which a request means nothing. Body types declare them nullable so that a missing
/// one is reported here, all at once and by name, rather than arriving as an empty uuid or a zero.
/// </summary>
internal static class RequiredFields
{
    public static void Check(params (string Field, bool Present)[] fields)
    {
        var missing = fields.Where(f => !f.Present).Select(f => new ValidationError(f.Field, "is required")).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(missing);
        }
    }
}
