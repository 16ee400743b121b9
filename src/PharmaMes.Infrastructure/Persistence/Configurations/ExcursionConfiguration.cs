using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ExcursionConfiguration : IEntityTypeConfiguration<Excursion>
{
    public void Configure(EntityTypeBuilder<Excursion> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(x => x.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.EquipmentId, x.StartedAt });
        builder.Property(x => x.Tag).HasConversion(v => v.Value, v => new TagName(v)).HasMaxLength(TagName.MaxLength);
        builder.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(x => x.IsOpen);
    }
}
