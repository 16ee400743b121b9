using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PharmaMes.Testing;

namespace PharmaMes.Infrastructure.Tests.Outbox;

/// <summary>
/// A stand-in ERP: Kestrel on a fixed port of 127.0.0.1 that records every POST it accepts. It can be
/// stopped and started again on the same port (the ERP down, then back), and told to answer some
/// requests with an error after recording them (the ERP took the message but the answer was lost).
/// </summary>
public sealed class LoopbackErpReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = FreePort.Next();
    public Uri Url => new($"http://127.0.0.1:{Port}/erp/messages");

    /// <summary>Every request as received, repeats included.</summary>
    public ConcurrentQueue<ReceivedErpMessage> Received { get; } = new();

    /// <summary>Answer this status code instead of 200 (after recording the request); null answers 200.</summary>
    public int? FailWith { get; set; }

    /// <summary>Record the first request of each message, then answer it with 503 as if the answer were lost on the way.</summary>
    public bool LoseFirstAnswerOfEach { get; set; }

    private readonly ConcurrentDictionary<string, int> _seen = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/erp/messages", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var key = request.Headers["Idempotency-Key"].ToString();
            Received.Enqueue(new ReceivedErpMessage(key, request.Headers["X-Mes-Message-Type"].ToString(), request.Headers["X-Mes-Aggregate"].ToString(),
                long.Parse(request.Headers["X-Mes-Position"].ToString()), request.ContentType ?? "", body));
            if (FailWith is { } status)
                return Results.StatusCode(status);
            if (LoseFirstAnswerOfEach && _seen.AddOrUpdate(key, 1, (_, n) => n + 1) == 1)
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            return Results.Ok();
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

public sealed record ReceivedErpMessage(string IdempotencyKey, string Type, string Aggregate, long Position, string ContentType, string Body);
