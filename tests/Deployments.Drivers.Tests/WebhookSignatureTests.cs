using System.Text;

namespace Deployments.Drivers.Tests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "topsecret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"hello":"world"}""");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void Signature_is_hex_hmac_sha256_of_timestamp_dot_body()
    {
        // Computed independently: printf '1700000000.{"hello":"world"}' | openssl dgst -sha256 -hmac topsecret
        Assert.Equal("sha256=79883357e4c4c4abee43cf4b32367d67a1344520479e3e8c85e98406a6d6a2a5",
            WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body));
    }

    [Fact]
    public void Valid_signature_verifies()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify(Secret, SignedAt.ToUnixTimeSeconds(), Body, header, Tolerance, SignedAt.AddSeconds(30)));
        Assert.True(WebhookSignature.Verify(Secret, "1700000000", Body, header, Tolerance, SignedAt));
    }

    [Fact]
    public void Tampered_body_fails()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);
        var tampered = Encoding.UTF8.GetBytes("""{"hello":"World"}""");

        Assert.False(WebhookSignature.Verify(Secret, SignedAt.ToUnixTimeSeconds(), tampered, header, Tolerance, SignedAt));
    }

    [Fact]
    public void Wrong_secret_fails()
    {
        var header = WebhookSignature.Sign("another-secret", SignedAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, SignedAt.ToUnixTimeSeconds(), Body, header, Tolerance, SignedAt));
    }

    [Fact]
    public void Changed_timestamp_fails_even_when_fresh()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, SignedAt.ToUnixTimeSeconds() + 1, Body, header, Tolerance, SignedAt));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Timestamp_outside_the_tolerance_either_way_fails(int secondsFromNow)
    {
        var timestamp = SignedAt.ToUnixTimeSeconds() + secondsFromNow;
        var header = WebhookSignature.Sign(Secret, timestamp, Body);

        Assert.False(WebhookSignature.Verify(Secret, timestamp, Body, header, Tolerance, SignedAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("79883357e4c4c4abee43cf4b32367d67a1344520479e3e8c85e98406a6d6a2a5")]
    [InlineData("sha1=79883357e4c4c4abee43cf4b32367d67a1344520479e3e8c85e98406a6d6a2a5")]
    [InlineData("sha256=zz883357e4c4c4abee43cf4b32367d67a1344520479e3e8c85e98406a6d6a2a5")]
    [InlineData("sha256=79883357")]
    public void Malformed_header_fails(string? header)
    {
        Assert.False(WebhookSignature.Verify(Secret, SignedAt.ToUnixTimeSeconds(), Body, header, Tolerance, SignedAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("17e8")]
    [InlineData("-9223372036854775808")]
    public void Unparsable_or_absurd_timestamp_header_fails(string? timestamp)
    {
        var header = WebhookSignature.Sign(Secret, SignedAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(Secret, timestamp, Body, header, Tolerance, SignedAt));
    }

    [Fact]
    public void Timestamp_at_the_edge_of_long_does_not_wrap_around_into_fresh()
    {
        var header = WebhookSignature.Sign(Secret, long.MinValue, Body);

        Assert.False(WebhookSignature.Verify(Secret, long.MinValue, Body, header, Tolerance, SignedAt));
    }
}
