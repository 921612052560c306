using System.Buffers.Text;
using System.Text;
using Deployments.Refusals;

namespace Deployments.Api.Http;

/// <summary>
/// The <c>next_token</c> of a listing: the storage continuation, encoded URL-safe so it survives a query
/// string untouched. A token the API did not issue is a 400 naming it, never a storage error.
/// </summary>
internal static class PageTokens
{
    public const string Field = "next_token";

    public static string? Encode(string? continuation) =>
        continuation is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(continuation));

    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        // The table service's continuation is "{partition key} {row key}": printable, one space.
        if (token.Length <= 1024 && Base64Url.IsValid(token) && Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)) is var decoded
            && decoded.Count(c => c == ' ') == 1 && decoded.All(c => c is >= ' ' and <= '~'))
        {
            return decoded;
        }

        throw new ValidationException([new ValidationError(Field, "is not a token this API issued; pass back next_token from the previous page")]);
    }
}
