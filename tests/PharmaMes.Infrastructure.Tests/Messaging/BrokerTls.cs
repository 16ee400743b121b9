using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>The embedded broker offers TLS with a configured certificate: device passwords and readings cross the plant network encrypted.</summary>
public class BrokerTls
{
    private static readonly (string, string, string)[] Devices = [("press-01", "press-password", "TP-01")];

    /// <summary>A site's certificate: self-signed here, issued by the site's CA in a plant.</summary>
    private static (string Path, string Thumbprint) SelfSignedCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mes.plant.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "broker.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        return (path, certificate.Thumbprint);
    }

    [Fact]
    public async Task ADeviceConnectsWithTlsOnItsOwnPortAndSeesTheSitesCertificate()
    {
        var folder = Directory.CreateTempSubdirectory("pharmames-tls-").FullName;
        var (path, thumbprint) = SelfSignedCertificate(folder);
        var tlsPort = FreePort.Next();
        await using var live = await LiveMesHost.StartAsync(allowAnonymous: false, devices: Devices, settings: new Dictionary<string, string?>
        {
            ["Mqtt:Broker:CertificatePath"] = path,
            ["Mqtt:Broker:CertificatePassword"] = "pfx-password",
            ["Mqtt:Broker:TlsPort"] = tlsPort.ToString(CultureInfo.InvariantCulture),
        });
        string? presented = null;
        var tls = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", tlsPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("tls-press")
            .WithCredentials("press-01", "press-password")
            .WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(context =>
            {
                // A device trusts the site's certificate by its CA; here, by its thumbprint.
                presented = (context.Certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(context.Certificate.GetRawCertData())).Thumbprint;
                return presented == thumbprint;
            }))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        var plainOnTlsPort = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", tlsPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials("press-01", "press-password")
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();

        var encrypted = await live.NewClient().ConnectAsync(tls);
        await Assert.ThrowsAnyAsync<Exception>(() => live.NewClient().ConnectAsync(plainOnTlsPort));
        var plain = await live.NewClient().ConnectAsync(live.Options("press-01", "press-password"));

        Assert.Equal(MqttClientConnectResultCode.Success, encrypted.ResultCode);
        Assert.Equal(thumbprint, presented);
        Assert.Equal(MqttClientConnectResultCode.Success, plain.ResultCode);
    }

    [Fact]
    public void AMissingCertificateStopsTheStartNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            PharmaMes.Infrastructure.Messaging.BrokerCertificate.Load("/nowhere/broker.pfx", null));

        Assert.Contains("Mqtt:Broker:CertificatePath", ex.Message);
    }
}
