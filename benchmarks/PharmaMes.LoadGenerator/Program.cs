using MQTTnet.Exceptions;

namespace PharmaMes.LoadGenerator;

/// <summary>Thin command-line wrapper: parse, run one <see cref="TelemetryPublisher"/> or <see cref="CountingSubscriber"/>, print, exit.</summary>
internal static class Program
{
    private const int Success = 0;
    private const int RunFailed = 1;
    private const int BadArguments = 2;

    public static async Task<int> Main(string[] args)
    {
        CommandLineRequest request;
        try
        {
            request = CommandLine.Parse(args);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}{Environment.NewLine}");
            await Console.Error.WriteAsync(Usage.Text);
            return BadArguments;
        }
        if (request.ShowHelp)
        {
            await Console.Out.WriteAsync(Usage.Text);
            return BadArguments;
        }

        // Ctrl+C stops the run early but still prints the figures so far.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return request.Publisher is { } publisher
                ? await PublishAsync(publisher, cancel.Token)
                : await SubscribeAsync(request.Subscriber!, cancel.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or MqttCommunicationException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return RunFailed;
        }
    }

    private static async Task<int> PublishAsync(PublisherOptions options, CancellationToken cancellationToken)
    {
        var result = await new TelemetryPublisher(options).RunAsync(cancellationToken);
        await Console.Out.WriteLineAsync(ResultReport.KeyValues(result, options));
        await Console.Out.WriteLineAsync(ResultReport.Human(result, options));
        if (result.FirstError is { } error)
            await Console.Error.WriteLineAsync($"first error: {error}");
        return result.Failed == 0 && !result.Cancelled ? Success : RunFailed;
    }

    private static async Task<int> SubscribeAsync(SubscriberOptions options, CancellationToken cancellationToken)
    {
        await using var subscriber = new CountingSubscriber(options);
        await subscriber.StartAsync(cancellationToken);
        // On stderr so stdout stays the result only; scripts wait for this line before publishing.
        await Console.Error.WriteLineAsync($"subscribed to {subscriber.TopicFilter} on {options.Host}:{options.Port}");
        var result = await subscriber.WaitAsync(cancellationToken);
        await Console.Out.WriteLineAsync(ResultReport.KeyValues(result));
        await Console.Out.WriteLineAsync(ResultReport.Human(result));
        var ok = options.ExpectedMessages is null ? result.Lost == 0 : result.Completed && result.Lost == 0;
        return ok ? Success : RunFailed;
    }
}
