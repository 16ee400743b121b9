using System.Diagnostics;
using System.Net.Sockets;

namespace PharmaMes.Testing;

/// <summary>Waits for a server a test started to take connections on its loopback port, or says why it did not.</summary>
public static class LoopbackListener
{
    public static async Task WaitAsync(Process server, string name, int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
                throw new InvalidOperationException($"{name} exited at start with code {server.ExitCode}.");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"{name} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s.");
    }
}
