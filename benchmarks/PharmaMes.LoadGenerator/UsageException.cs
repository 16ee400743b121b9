namespace PharmaMes.LoadGenerator;

/// <summary>A bad command line; the message names the offending argument. Program prints usage and exits 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
