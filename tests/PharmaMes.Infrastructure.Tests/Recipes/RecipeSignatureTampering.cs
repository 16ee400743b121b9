using Microsoft.Data.Sqlite;
using PharmaMes.Infrastructure.Recipes;
using static PharmaMes.Infrastructure.Tests.Recipes.SignedInPeople;

namespace PharmaMes.Infrastructure.Tests.Recipes;

public class RecipeSignatureTampering
{
    [Fact]
    public async Task AParameterChangedInTheDatabaseAfterApprovalShowsTheApprovalInvalid()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var v2 = await RecipeAsync(host, "FG-PARA500", 2);
        await recipes.ApproveAsync(v2.Id, Credentials("qa"), await AsAsync(host, "qa"));
        Assert.True((await recipes.GetAsync(v2.Id))!.Approval!.IsValid);

        // Someone with file access edits the approved set point behind the application's back.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "mes.db")}"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE RecipeProcessParameters SET Target = 18
                WHERE Name = 'Main compression force'
                  AND RecipeStepId IN (SELECT Id FROM RecipeSteps WHERE upper(RecipeId) = $recipe)
                """;
            update.Parameters.AddWithValue("$recipe", v2.Id.ToString().ToUpperInvariant());
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var tampered = (await recipes.GetAsync(v2.Id))!;
        Assert.Equal(18, tampered.Recipe.FindStep(4)!.FindParameter("Main compression force")!.Target);
        Assert.False(tampered.Approval!.IsValid);
        Assert.True((await recipes.GetAsync((await RecipeAsync(host, "FG-MAB10", 1)).Id))!.Approval!.IsValid);
    }
}
