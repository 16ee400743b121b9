using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace PharmaMes.Web.Tests.Observability;

/// <summary>
/// The smallest OTLP/HTTP collector: it takes POST /v1/traces and /v1/metrics on a loopback port and
/// keeps each body. The protobuf is not decoded: its strings are UTF-8 bytes, enough to find a name.
/// </summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private readonly Task _serving;

    public int Port { get; }

    public OtlpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            var input = context.Request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress) : context.Request.InputStream;
            await input.CopyToAsync(body);
            var path = context.Request.Url!.AbsolutePath;
            var known = context.Request.HttpMethod == "POST" && path is "/v1/traces" or "/v1/metrics";
            if (known)
                _received.Enqueue((path, body.ToArray()));
            // An empty ExportTraceServiceRequest/ExportMetricsServiceResponse is an empty protobuf message.
            context.Response.StatusCode = known ? 200 : 404;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    /// <summary>Whether a body posted to <paramref name="path"/> contains every one of <paramref name="texts"/>.</summary>
    public bool Received(string path, params string[] texts) =>
        _received.Any(r => r.Path == path && texts.All(t => Contains(r.Body, t)));

    public IEnumerable<string> Paths => _received.Select(r => r.Path).Distinct();

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
