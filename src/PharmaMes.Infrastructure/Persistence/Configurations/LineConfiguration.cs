using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class LineConfiguration : IEntityTypeConfiguration<Line>
{
    public void Configure(EntityTypeBuilder<Line> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Code).HasPlantCode();
        builder.HasIndex(l => l.Code).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(Line.NameMaxLength).IsRequired();
        builder.HasMany(l => l.Equipment).WithOne().HasForeignKey(e => e.LineId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(l => l.Equipment).HasField("_equipment");
    }
}
