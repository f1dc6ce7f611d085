using System.ComponentModel.DataAnnotations;

namespace SciaticaRelief.Web.Startup;

/// <summary>Request rate limits (section "RateLimits"). Load runs raise them so none are hit.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and setup attempts per client address a minute.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>API requests per account (or address, when anonymous) a minute.</summary>
    [Range(1, 100_000_000)]
    public int ApiPerMinute { get; set; } = 600;
}

/// <summary>App-wide settings (section "Relief").</summary>
public sealed class ReliefOptions
{
    public const string Section = "Relief";

    /// <summary>The address printed in the setup link when the server's own cannot be known (behind a proxy).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Largest request body in bytes for JSON and forms.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
