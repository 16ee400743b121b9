namespace PharmaMes.Web.Commands;

/// <summary>The arguments of <c>users add-admin</c>, parsed strictly: an unknown or missing one is an error, not a guess.</summary>
public sealed record AddAdminArguments(string UserName, string FullName, bool PasswordFromStandardInput)
{
    public const string Usage = """
        Usage: dotnet PharmaMes.Web.dll users add-admin --user NAME --name "Full Name" [--password-stdin]

        Creates the site's first administrator in the configured database (migrating it first), then exits.
          --user NAME         the user name to sign in with (letters, digits, '.', '-', '_')
          --name "Full Name"  the name printed in every electronic signature
          --password-stdin    read the password from one line of standard input (for scripts);
                              otherwise it is asked twice on the terminal
        """;

    /// <summary>Parses what follows <c>users add-admin</c>; null with <paramref name="error"/> set when the arguments are not usable.</summary>
    public static AddAdminArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? user = null, name = null;
        var fromStandardInput = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--user" when i + 1 < args.Count:
                    user = args[++i];
                    break;
                case "--name" when i + 1 < args.Count:
                    name = args[++i];
                    break;
                case "--password-stdin":
                    fromStandardInput = true;
                    break;
                case "--user" or "--name":
                    error = $"{args[i]} needs a value.";
                    return null;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    return null;
            }
        }
        error = (user, name) switch
        {
            (null or "", _) => "--user is required.",
            (_, null or "") => "--name is required.",
            _ => null,
        };
        return error is null ? new AddAdminArguments(user!.Trim(), name!.Trim(), fromStandardInput) : null;
    }
}
