namespace PharmaMes.LoadGenerator;

/// <summary>What <see cref="CountingSubscriber"/> listens to and when it stops.</summary>
public sealed record SubscriberOptions : BrokerClientOptions
{
    /// <summary>Topic filter; null = everything below the root (<c>{root}/#</c>).</summary>
    public string? TopicFilter { get; init; }

    /// <summary>Stop once this many messages are counted (distinct sequence numbers count once); null = until the timeout.</summary>
    public long? ExpectedMessages { get; init; }

    /// <summary>Give up this long after subscribing.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>0 or 1; 1 makes the broker queue for us and resend what we did not acknowledge.</summary>
    public int QualityOfService { get; init; } = 1;

    public string ResolveTopicFilter() => string.IsNullOrWhiteSpace(TopicFilter) ? $"{TopicRoot}/#" : TopicFilter;

    public override void Validate()
    {
        base.Validate();
        if (ExpectedMessages is < 1)
            throw new ArgumentException($"expected messages must be >= 1, got {ExpectedMessages}");
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentException($"timeout must be > 0, got {Timeout}");
        if (QualityOfService is not (0 or 1))
            throw new ArgumentException($"qos must be 0 or 1, got {QualityOfService}");
    }
}
