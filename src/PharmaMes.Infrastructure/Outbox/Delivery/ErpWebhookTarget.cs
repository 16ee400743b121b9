using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Outbox.Formats;

namespace PharmaMes.Infrastructure.Outbox.Delivery;

/// <summary>
/// POSTs a message to Erp:Webhook:Url. The Idempotency-Key header is the message's id, the same on
/// every attempt and replay, so the ERP can recognise and drop a repeat. Any 2xx answer is delivery;
/// anything else, a timeout or a refused connection is a failed attempt to be retried. Each call
/// is one log line (the HTTP client's own four are off for this client).
/// </summary>
public sealed partial class ErpWebhookTarget(IHttpClientFactory clients, IOptions<ErpOptions> options, ILogger<ErpWebhookTarget> logger)
{
    public const string HttpClientName = "erp-webhook";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Webhook.Url);

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, string body, IErpMessageFormatter formatter, CancellationToken cancellationToken)
    {
        var webhook = options.Value.Webhook;
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, formatter.ContentType),
        };
        request.Headers.Add("Idempotency-Key", message.MessageId.ToString());
        request.Headers.Add("X-Mes-Message-Type", message.Type.ToString());
        request.Headers.Add("X-Mes-Aggregate", message.Aggregate);
        request.Headers.Add("X-Mes-Position", message.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(webhook.ApiKey))
            request.Headers.Add("X-Api-Key", webhook.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(formatter.ContentType));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
        var path = request.RequestUri!.AbsolutePath;
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            LogCall(request.Method.Method, path, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, message.Type.ToString(), message.Position);
            if (response.IsSuccessStatusCode)
                return DeliveryResult.Success;
            var text = await ReadExcerptAsync(response, timeout.Token);
            return DeliveryResult.Failure($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(text.Length > 0 ? ": " + text : "")}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNoAnswer(request.Method.Method, path, watch.Elapsed.TotalMilliseconds, "no answer in time", message.Type.ToString(), message.Position);
            return DeliveryResult.Failure($"No answer within {webhook.TimeoutSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            LogNoAnswer(request.Method.Method, path, watch.Elapsed.TotalMilliseconds, e.Message, message.Type.ToString(), message.Position);
            return DeliveryResult.Failure($"Could not reach {webhook.Url}: {e.Message}");
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length > 500 ? text[..500] : text;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return "";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ERP {Method} {Path} answered {Status} in {Milliseconds:0} ms ({Type} #{Position})")]
    private partial void LogCall(string method, string path, int status, double milliseconds, string type, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ERP {Method} {Path} failed after {Milliseconds:0} ms: {Error} ({Type} #{Position})")]
    private partial void LogNoAnswer(string method, string path, double milliseconds, string error, string type, long position);
}
