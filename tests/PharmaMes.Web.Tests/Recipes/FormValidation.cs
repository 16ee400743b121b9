using System.Linq.Expressions;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using PharmaMes.Domain.Common;
using PharmaMes.Web.Components.Pages.Recipes;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Tests.Recipes;

public class FormValidation : BunitContext
{
    [Fact]
    public void ABadFieldShowsItsMessageNextToItOnSubmit()
    {
        var model = new CheckForm { Name = "", Unit = "N", Low = 140, High = 80 };
        var form = Render<EditForm>(ps => ps
            .Add(p => p.Model, model)
            .Add(p => p.ChildContent, (EditContext _) => builder =>
            {
                builder.OpenComponent<FluentValidationValidator>(0);
                builder.AddAttribute(1, nameof(FluentValidationValidator.Validator), new CheckForm.Validator());
                builder.CloseComponent();
                builder.OpenComponent<ValidationMessage<string>>(2);
                builder.AddAttribute(3, "For", (Expression<Func<string>>)(() => model.Name));
                builder.CloseComponent();
                builder.OpenComponent<ValidationMessage<double?>>(4);
                builder.AddAttribute(5, "For", (Expression<Func<double?>>)(() => model.High));
                builder.CloseComponent();
            }));

        form.Find("form").Submit();

        Assert.Equal(["Name the check, e.g. Hardness.", "The high limit must not be below the low limit."],
            form.FindAll(".validation-message").Select(m => m.TextContent));
    }

    [Fact]
    public void AChangedFieldIsCheckedAtOnceAndARuleAcrossFieldsClearsWhenTheOtherFieldIsFixed()
    {
        var editor = Render<ParameterEditor>(ps => ps
            .Add(p => p.Form, new ParameterForm { Name = "Spray rate", Unit = "g/min", Low = 120, High = 180 })
            .Add(p => p.OnSave, _ => Task.CompletedTask));

        editor.Find("#parameter-target").Change("200");
        var shown = editor.Find("#parameter-target").ParentElement!.QuerySelector(".validation-message")?.TextContent;
        editor.Find("#parameter-high").Change("250");

        Assert.Equal("The target must lie within the limits 120 – 180.", shown);
        Assert.Empty(editor.FindAll(".validation-message"));
    }

    [Fact]
    public void ARefusalOfTheDomainIsShownInTheForm()
    {
        var editor = Render<ParameterEditor>(ps => ps
            .Add(p => p.Form, new ParameterForm { Name = "Spray rate", Unit = "g/min", Target = 150, Low = 120, High = 180 })
            .Add(p => p.OnSave, _ => Task.FromException(new DomainException("Step 5 Coating already has a parameter or check named 'Spray rate'."))));

        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.Contains("already has a parameter or check named 'Spray rate'",
            editor.Find("[data-testid=editor-refusal]").TextContent));
    }

    [Fact]
    public void AParameterNamesTheTagItIsCapturedFromAndHowTheValueIsTaken()
    {
        ParameterForm? saved = null;
        var editor = Render<ParameterEditor>(ps => ps
            .Add(p => p.Form, new ParameterForm { Name = "Spray rate", Unit = "g/min", Target = 150, Low = 120, High = 180 })
            .Add(p => p.OnSave, form => { saved = form; return Task.CompletedTask; }));

        editor.Find("#parameter-tag").Change("Spray Rate");
        var refused = editor.Find("#parameter-tag").ParentElement!.QuerySelector(".validation-message")?.TextContent;
        editor.Find("#parameter-tag").Change("spray_rate");
        editor.Find("#parameter-capture").Change("StepMean");
        editor.Find("form").Submit();

        Assert.Contains("lower-case letters, digits and '_'", refused);
        Assert.Equal("spray_rate", saved?.CaptureTag);
        Assert.Equal(PharmaMes.Domain.Recipes.CaptureMode.StepMean, saved?.Capture);
    }
}
