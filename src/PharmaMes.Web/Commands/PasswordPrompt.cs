using System.Text;

namespace PharmaMes.Web.Commands;

/// <summary>Reads a new password without ever echoing or printing it.</summary>
public static class PasswordPrompt
{
    /// <summary>One line of standard input, for scripts that pipe the password in.</summary>
    public static string? FromStandardInput() => Console.In.ReadLine();

    /// <summary>
    /// Asks twice on the terminal, masking each key; null with <paramref name="error"/> set when the
    /// two differ or there is no terminal to ask on.
    /// </summary>
    public static string? FromTerminal(out string? error)
    {
        if (Console.IsInputRedirected)
        {
            error = "Standard input is not a terminal: pass --password-stdin to read the password from it.";
            return null;
        }
        var first = Read("Password: ");
        var second = Read("Repeat the password: ");
        error = first == second ? null : "The two passwords differ; nothing was created.";
        return error is null ? first : null;
    }

    private static string Read(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                    Console.Error.Write("\b \b");
                }
                continue;
            }
            if (char.IsControl(key.KeyChar))
                continue;
            typed.Append(key.KeyChar);
            Console.Error.Write('*');
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
