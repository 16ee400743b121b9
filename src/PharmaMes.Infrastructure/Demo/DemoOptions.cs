namespace PharmaMes.Infrastructure.Demo;

/// <summary>The <c>Demo</c> section. Nothing of the demo exists unless <see cref="Enabled"/> is true.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; init; }
    /// <summary>The password of every demo user (at least 12 characters).</summary>
    public string Password { get; init; } = "";
    /// <summary>A demo API key for trying the REST API (at least 32 characters).</summary>
    public string ApiKey { get; init; } = "";
}
