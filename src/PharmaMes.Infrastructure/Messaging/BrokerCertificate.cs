using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>The embedded broker's TLS certificate, read at start: a missing or unreadable file stops the start with the setting named.</summary>
public static class BrokerCertificate
{
    public static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"Mqtt:Broker:CertificatePath: there is no certificate file at '{path}'.");
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"Mqtt:Broker:CertificatePath: '{path}' holds no private key; the broker needs one to offer TLS.");
            return certificate;
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"Mqtt:Broker:CertificatePath: '{path}' is not a PKCS#12 (.pfx) file this password opens: {ex.Message}", ex);
        }
    }
}
