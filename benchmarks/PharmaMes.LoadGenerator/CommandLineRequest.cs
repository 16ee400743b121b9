namespace PharmaMes.LoadGenerator;

/// <summary>What the command line asked for: help, or exactly one of a publish or a subscribe run.</summary>
internal sealed record CommandLineRequest(bool ShowHelp, PublisherOptions? Publisher, SubscriberOptions? Subscriber)
{
    public static readonly CommandLineRequest Help = new(true, null, null);
}
