using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Quality;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class InvestigationNoteConfiguration : IEntityTypeConfiguration<InvestigationNote>
{
    public void Configure(EntityTypeBuilder<InvestigationNote> builder)
    {
        builder.ToTable("InvestigationNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserName).HasMaxLength(InvestigationNote.UserNameMaxLength).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(InvestigationNote.TextMaxLength).IsRequired();
    }
}
