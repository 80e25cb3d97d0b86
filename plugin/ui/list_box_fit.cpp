#include "list_box_fit.h"

#include <gtk/gtk.h>

#include <algorithm>

#include <wx/listbox.h>

namespace rapport::ui {

namespace {

// The renderer's own horizontal padding and a pixel or two of slack.
constexpr int kTextPadding = 8;

GtkTreeViewColumn* textColumn(GtkTreeView* view)
{
    const int columns = static_cast<int>(gtk_tree_view_get_n_columns(view));
    return columns > 0 ? gtk_tree_view_get_column(view, columns - 1) : nullptr;
}

} // namespace

int listBoxTextWidth(const wxListBox& list)
{
    GtkTreeView* view = list.m_treeview;
    const int fallback = std::max(list.GetClientSize().GetWidth() - list.FromDIP(24) - kTextPadding, list.FromDIP(40));
    if (!view || !gtk_widget_get_realized(GTK_WIDGET(view)))
        return fallback;
    GtkTreeViewColumn* column = textColumn(view);
    GtkAllocation allocation;
    gtk_widget_get_allocation(GTK_WIDGET(view), &allocation);
    if (!column || allocation.width <= 1)
        return fallback;
    const int x = gtk_tree_view_column_get_x_offset(column);
    return std::max(allocation.width - x - kTextPadding, list.FromDIP(40));
}

int listBoxContentHeight(const wxListBox& list)
{
    GtkTreeView* view = list.m_treeview;
    GtkTreeModel* model = view ? gtk_tree_view_get_model(view) : nullptr;
    if (!model)
        return -1;
    // Each row as GTK sizes it (its cells' heights plus the separator), measured here rather
    // than read from the tree view, whose rows are measured only when it next lays out.
    int separator = 0;
    gtk_widget_style_get(GTK_WIDGET(view), "vertical-separator", &separator, nullptr);
    const int columns = static_cast<int>(gtk_tree_view_get_n_columns(view));
    int total = 0;
    GtkTreeIter iter;
    for (gboolean valid = gtk_tree_model_get_iter_first(model, &iter); valid;
         valid = gtk_tree_model_iter_next(model, &iter)) {
        int row = 0;
        for (int c = 0; c < columns; ++c) {
            GtkTreeViewColumn* column = gtk_tree_view_get_column(view, c);
            gtk_tree_view_column_cell_set_cell_data(column, model, &iter, FALSE, FALSE);
            int height = 0;
            gtk_tree_view_column_cell_get_size(column, nullptr, nullptr, nullptr, nullptr, &height);
            row = std::max(row, height + separator);
        }
        total += row;
    }
    if (total <= 0)
        return -1;
    // The scrolled window's frame around the tree view.
    GtkWidget* outer = list.GetHandle();
    GtkAllocation outerAllocation;
    GtkAllocation viewAllocation;
    gtk_widget_get_allocation(outer, &outerAllocation);
    gtk_widget_get_allocation(GTK_WIDGET(view), &viewAllocation);
    int frame = list.FromDIP(4);
    if (outerAllocation.height > 1 && viewAllocation.height > 1 && outerAllocation.height >= viewAllocation.height &&
        outerAllocation.height - viewAllocation.height < list.FromDIP(16))
        frame = std::max(frame, outerAllocation.height - viewAllocation.height);
    return total + frame;
}

bool listBoxRowFullyVisible(const wxListBox& list, unsigned row)
{
    GtkTreeView* view = list.m_treeview;
    if (!view)
        return false;
    GtkTreePath* path = gtk_tree_path_new_from_indices(static_cast<int>(row), -1);
    GdkRectangle area;
    gtk_tree_view_get_background_area(view, path, nullptr, &area); // bin-window coordinates
    gtk_tree_path_free(path);
    GtkAllocation allocation;
    gtk_widget_get_allocation(GTK_WIDGET(view), &allocation);
    // In a scrolled window the tree view's allocation is the part on screen.
    int top = 0;
    gtk_tree_view_convert_bin_window_to_widget_coords(view, area.x, area.y, nullptr, &top);
    return area.height > 0 && top >= 0 && top + area.height <= allocation.height;
}

} // namespace rapport::ui
