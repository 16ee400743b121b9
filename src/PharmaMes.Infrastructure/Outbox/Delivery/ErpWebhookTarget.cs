using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Outbox.Formats;

namespace PharmaMes.Infrastructure.Outbox.Delivery;

/// <summary>
/// POSTs a message to Erp:Webhook:Url. The Idempotency-Key header is the message's id, the same on
/// every attempt and replay, so the ERP can recognise and drop a repeat. Any 2xx answer is delivery;
/// anything else, a timeout or a refused connection is a failed attempt to be retried.
/// </summary>
public sealed class ErpWebhookTarget(IHttpClientFactory clients, IOptions<ErpOptions> options)
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
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
                return DeliveryResult.Success;
            var text = await ReadExcerptAsync(response, timeout.Token);
            return DeliveryResult.Failure($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(text.Length > 0 ? ": " + text : "")}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failure($"No answer within {webhook.TimeoutSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
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
}
