using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Web.Security;

namespace PharmaMes.Web.Hubs;

/// <summary>
/// The plant hub's open connections and whose access each stands on (a person's session or an API
/// key). A websocket is authorised once, when it opens: when that access ends (signed out, user
/// disabled or roles changed, key revoked), its connections are closed here at once.
/// </summary>
public sealed partial class HubConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, (HubCallerContext Context, Guid? Session, Guid? User, Guid? ApiKey)> _open = new();
    private readonly CredentialRevocations _revocations;
    private readonly ILogger<HubConnections> _logger;

    public HubConnections(CredentialRevocations revocations, ILogger<HubConnections> logger)
    {
        _revocations = revocations;
        _logger = logger;
        _revocations.Revoked += Close;
    }

    public int Count => _open.Count;

    public void Opened(HubCallerContext context)
    {
        var user = context.User;
        var apiKey = Guid.TryParse(user?.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var key) ? key : (Guid?)null;
        var person = apiKey is null && Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        _open[context.ConnectionId] = (context, ServerSessions.SessionOf(user), person, apiKey);
    }

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    private void Close(RevokedCredential revoked)
    {
        foreach (var (id, connection) in _open)
        {
            var matches = revoked.Kind switch
            {
                RevokedCredentialKind.Session => connection.Session == revoked.Id,
                RevokedCredentialKind.User => connection.User == revoked.Id,
                RevokedCredentialKind.ApiKey => connection.ApiKey == revoked.Id,
                _ => false,
            };
            if (!matches)
                continue;
            LogClosing(id, revoked.Kind);
            connection.Context.Abort();
            _open.TryRemove(id, out _);
        }
    }

    public void Dispose() => _revocations.Revoked -= Close;

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing plant hub connection {ConnectionId}: its {Kind} lost its access")]
    private partial void LogClosing(string connectionId, RevokedCredentialKind kind);
}
