namespace Tianxin.Gateway;

/// <summary>Settings under "Gateway".</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// Services behind the gateway: REST at /api/&lt;name&gt;/…, gRPC at /tianxin.&lt;name&gt;.v1.*. The AppHost
    /// names each service it wires (Gateway:Services:N), so the gateway lists none itself.
    /// </summary>
    public string[] Services { get; set; } = [];

    /// <summary>Largest request body accepted (bulk imports of certificate holders are the big ones).</summary>
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>A backend that says nothing for this long is reported as 504 / DEADLINE_EXCEEDED.</summary>
    public TimeSpan BackendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for a TCP connection to a backend before giving up (502 / UNAVAILABLE).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Token requests (and so password attempts) per client address and minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 60;

    /// <summary>Requests per second of one client (partner client id or staff member); 0 turns the limit off.</summary>
    public int RequestsPerClientPerSecond { get; set; } = 200;

    /// <summary>Requests per second from one address without a valid token (sign-in pages, health, refused calls); 0 turns it off.</summary>
    public int RequestsPerAddressPerSecond { get; set; } = 50;
}
