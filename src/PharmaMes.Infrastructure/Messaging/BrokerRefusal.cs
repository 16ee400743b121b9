namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// A connection the embedded broker refused, as an engineer needs it to fix the device: which
/// client, which account, from where, why (one of a few reasons, counted) and the detail.
/// </summary>
public sealed record BrokerRefusal(DateTimeOffset At, string ClientId, string User, string? Address, string Reason, string Detail)
{
    public const string NotAuthorized = "Anonymous clients not allowed";
    public const string BadCredentials = "Bad user name or password";
    public const string ReservedClientId = "Client id reserved for the MES";
    public const string NoClientId = "No client id";
}
