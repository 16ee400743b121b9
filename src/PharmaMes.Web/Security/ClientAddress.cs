namespace PharmaMes.Web.Security;

/// <summary>The address a request came from, as the audit trail records it (a trusted proxy's forwarded address when configured).</summary>
public static class ClientAddress
{
    public static string? Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => null,
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        var address => address.ToString(),
    };
}
