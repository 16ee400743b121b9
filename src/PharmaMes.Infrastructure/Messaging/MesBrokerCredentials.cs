using System.Security.Cryptography;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// The MES's own account. At an embedded broker it is made anew at every start (a random
/// password nobody else knows); at an external broker it is the configured one.
/// </summary>
public sealed class MesBrokerCredentials
{
    public const string EmbeddedUsername = "pharmames-mes";

    public string Username { get; }
    public string? Password { get; }

    public MesBrokerCredentials(BrokerOptions broker)
    {
        if (broker.Mode == BrokerMode.Embedded)
        {
            Username = EmbeddedUsername;
            Password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        }
        else
        {
            Username = broker.Username ?? "";
            Password = broker.Password;
        }
    }

    public bool Matches(string? username, string? password) =>
        Password is not null && username == Username
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(password ?? ""), System.Text.Encoding.UTF8.GetBytes(Password));
}
