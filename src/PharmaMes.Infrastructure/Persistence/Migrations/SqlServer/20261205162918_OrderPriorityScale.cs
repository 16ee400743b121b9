using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PharmaMes.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrderPriorityScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Priorities became five named ones (1 Urgent … 5 Low): the old 6 to 9 are all "Low".
            migrationBuilder.Sql("UPDATE [ProductionOrders] SET [Priority] = 5 WHERE [Priority] > 5;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old priorities 6 to 9 are not known any more; 5 is a valid priority on the old scale too.
        }
    }
}
