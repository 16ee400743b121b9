namespace PharmaMes.LoadGenerator;

/// <summary>
/// What both the publisher and the subscriber need to reach a broker. Kept flat (no nested
/// objects) so a test can write <c>new PublisherOptions { Port = port }</c>.
/// </summary>
public abstract record BrokerClientOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    /// <summary>Optional; sent only when not empty.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>First level of every topic (the contract's configurable root).</summary>
    public string TopicRoot { get; init; } = "mes";

    /// <summary>Unique per instance so two generators never take over each other's session.</summary>
    public string ClientId { get; init; } = $"pharmames-loadgen-{Guid.NewGuid():N}";

    /// <summary>How long to wait for the CONNACK.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
            throw new ArgumentException("host must not be empty");
        if (Port is < 1 or > 65535)
            throw new ArgumentException($"port must be 1..65535, got {Port}");
        if (string.IsNullOrWhiteSpace(ClientId))
            throw new ArgumentException("client id must not be empty");
        TopicLevel.Validate(TopicRoot, "topic root");
    }
}
