namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// A device account listed in configuration (<c>Mqtt:Broker:Devices</c>): it may publish only
/// under its equipment's topics. The password is given as a hash made by the admin page or
/// <c>PasswordHasher</c>, never in clear text.
/// </summary>
public sealed class ConfiguredDevice
{
    public string Username { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Equipment { get; init; } = "";
}
