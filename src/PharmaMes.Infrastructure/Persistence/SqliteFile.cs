using Microsoft.Data.Sqlite;

namespace PharmaMes.Infrastructure.Persistence;

/// <summary>
/// A relative SQLite path means "beside the app", not "wherever the shell happened to be":
/// it is anchored to the application folder, and its folder is created.
/// </summary>
internal static class SqliteFile
{
    public static string Anchor(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new InvalidOperationException("The setting ConnectionStrings:Mes names no SQLite file (Data Source).");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource)
                ? builder.DataSource
                : Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }

    public static string PathOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;
}
