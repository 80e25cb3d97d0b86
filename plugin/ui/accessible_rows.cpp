// The rows of an owner-drawn list as ATK children (FIELD-NOTES "Accessibility on wxGTK",
// route b). wx gives no hook to choose the accessible type of its drawing widget, so the
// list's accessible object, once GTK has made it, is given a type derived from its own at
// run time: the same instance layout (no field added, no instance init), with
// get_n_children, ref_child and ref_state_set overridden and AtkSelection added. Every
// other behaviour stays the parent's. The rows are small AtkObjects of our own type, made
// when an assistive tool first asks for them, named with the row's readable text.
//
// Types stay registered for the life of the process (GLib cannot unregister them). If this
// module is unloaded and loaded again, a type left by the earlier load points at code that
// is gone; it is recognised by its functions and a new generation of the type is made.
#include "accessible_rows.h"

#include <gtk/gtk.h>

#include <wx/window.h>

#include <algorithm>
#include <string>
#include <vector>

namespace rapport::ui {

namespace {

struct Holder;

// One row. Plain C layout: GLib allocates and frees it.
struct RowObject {
    AtkObject parent;
    Holder* holder;       // null once the row or the list is gone: the row is defunct
    guint index;
    gboolean toldSelected; // the states last told, so that only changes are notified
    gboolean toldFocused;
    gboolean toldChecked;
};

struct RowObjectClass {
    AtkObjectClass parent;
};

// What the list's accessible object knows of its rows; kept in its qdata.
struct Holder {
    AccessibleRowSource* source = nullptr;
    AtkObject* list = nullptr;
    std::vector<RowObject*> rows; // each row's object once made (owned), or null
    int toldSelection = -1;
    // An assistive tool asked for the rows: from then on, rows that come are told one by
    // one (which makes their objects). Before, nobody has a view of them to keep up to date.
    bool asked = false;
};

// Runs `f`, returning `fallback` if it throws: these functions are called by GTK.
template <class R, class F>
R contained(R fallback, F&& f) noexcept
{
    try {
        return f();
    } catch (...) {
        return fallback;
    }
}

GQuark holderQuark()
{
    static const GQuark quark = g_quark_from_static_string("rapport-accessible-rows");
    return quark;
}

Holder* holderOf(AtkObject* list)
{
    auto* holder = static_cast<Holder*>(g_object_get_qdata(G_OBJECT(list), holderQuark()));
    return holder && holder->source ? holder : nullptr;
}

// --- rows ---------------------------------------------------------------------------

gpointer rowParentClass = nullptr;

AtkStateSet* rowStateSet(AtkObject* object)
{
    AtkStateSet* set = ATK_OBJECT_CLASS(rowParentClass)->ref_state_set(object);
    contained(0, [&] {
        auto* row = reinterpret_cast<RowObject*>(object);
        Holder* holder = row->holder;
        if (!holder || !holder->source || row->index >= holder->source->accessibleRowCount()) {
            atk_state_set_add_state(set, ATK_STATE_DEFUNCT);
            return 0;
        }
        const AccessibleRowSource& source = *holder->source;
        for (const AtkStateType state : {ATK_STATE_ENABLED, ATK_STATE_SENSITIVE, ATK_STATE_VISIBLE, ATK_STATE_FOCUSABLE,
                                         ATK_STATE_SELECTABLE})
            atk_state_set_add_state(set, state);
        if (source.accessibleRowShown(row->index))
            atk_state_set_add_state(set, ATK_STATE_SHOWING);
        if (source.accessibleSelection() == static_cast<int>(row->index)) {
            atk_state_set_add_state(set, ATK_STATE_SELECTED);
            if (source.accessibleListHasFocus())
                atk_state_set_add_state(set, ATK_STATE_FOCUSED);
        }
        if (source.accessibleRowIsItem(row->index)) {
            atk_state_set_add_state(set, ATK_STATE_CHECKABLE);
            if (source.accessibleRowIsDone(row->index))
                atk_state_set_add_state(set, ATK_STATE_CHECKED);
        }
        return 0;
    });
    return set;
}

gint rowIndexInParent(AtkObject* object)
{
    const auto* row = reinterpret_cast<RowObject*>(object);
    return row->holder ? static_cast<gint>(row->index) : -1;
}

void rowClassInit(gpointer klass, gpointer)
{
    rowParentClass = g_type_class_peek_parent(klass);
    auto* atk = ATK_OBJECT_CLASS(klass);
    atk->ref_state_set = rowStateSet;
    atk->get_index_in_parent = rowIndexInParent;
}

// A type named `base` (or base2, base3… when an earlier load of this module left one whose
// functions are gone) derived from `parent`; `ours` tells whether an existing type is ours.
template <class Ours>
GType typeNamed(const std::string& base, GType parent, guint classSize, guint instanceSize, GClassInitFunc classInit,
                Ours ours)
{
    for (int generation = 1; generation <= 16; ++generation) {
        const std::string name = generation == 1 ? base : base + std::to_string(generation);
        const GType existing = g_type_from_name(name.c_str());
        if (existing == 0) {
            GTypeInfo info{};
            info.class_size = static_cast<guint16>(classSize);
            info.class_init = classInit;
            info.instance_size = static_cast<guint16>(instanceSize);
            return g_type_register_static(parent, name.c_str(), &info, GTypeFlags(0));
        }
        if (g_type_parent(existing) != parent)
            continue;
        gpointer klass = g_type_class_ref(existing);
        const bool usable = ours(ATK_OBJECT_CLASS(klass));
        g_type_class_unref(klass);
        if (usable)
            return existing;
    }
    return 0;
}

GType rowType()
{
    static const GType type =
        typeNamed("RapportAccessibleRow", ATK_TYPE_OBJECT, sizeof(RowObjectClass), sizeof(RowObject), rowClassInit,
                  [](AtkObjectClass* klass) { return klass->ref_state_set == rowStateSet; });
    return type;
}

// Makes the row object for `index` when there is none yet; borrowed, not referenced.
RowObject* rowAt(Holder& holder, guint index)
{
    if (holder.rows.size() <= index)
        holder.rows.resize(index + 1, nullptr);
    RowObject*& row = holder.rows[index];
    if (!row) {
        const GType type = rowType();
        if (type == 0)
            return nullptr;
        row = static_cast<RowObject*>(g_object_new(type, nullptr));
        row->holder = &holder;
        row->index = index;
        AtkObject* object = ATK_OBJECT(row);
        atk_object_set_role(object, ATK_ROLE_LIST_ITEM);
        atk_object_set_parent(object, holder.list);
        atk_object_set_name(object, holder.source->accessibleRowText(index).utf8_str());
        row->toldSelected = holder.source->accessibleSelection() == static_cast<int>(index);
        row->toldFocused = row->toldSelected && holder.source->accessibleListHasFocus();
        row->toldChecked = holder.source->accessibleRowIsItem(index) && holder.source->accessibleRowIsDone(index);
    }
    return row;
}

// The row is gone: it says so to whoever still holds it, and lets go of the list.
void releaseRow(RowObject* row)
{
    row->holder = nullptr;
    atk_object_notify_state_change(ATK_OBJECT(row), ATK_STATE_DEFUNCT, TRUE);
    atk_object_set_parent(ATK_OBJECT(row), nullptr);
    g_object_unref(row);
}

void destroyHolder(gpointer data)
{
    auto* holder = static_cast<Holder*>(data);
    for (RowObject* row : holder->rows)
        if (row)
            releaseRow(row);
    delete holder;
}

// --- the list -------------------------------------------------------------------------

AtkObjectClass* listParentClass(AtkObject* list)
{
    return ATK_OBJECT_CLASS(g_type_class_peek_parent(G_OBJECT_GET_CLASS(list)));
}

gint listChildCount(AtkObject* list)
{
    if (Holder* holder = holderOf(list)) {
        holder->asked = true;
        return contained(0, [&] { return static_cast<gint>(holder->source->accessibleRowCount()); });
    }
    AtkObjectClass* parent = listParentClass(list);
    return parent->get_n_children ? parent->get_n_children(list) : 0;
}

AtkObject* listChild(AtkObject* list, gint index)
{
    if (Holder* holder = holderOf(list))
        return contained(static_cast<AtkObject*>(nullptr), [&]() -> AtkObject* {
            holder->asked = true;
            if (index < 0 || static_cast<std::size_t>(index) >= holder->source->accessibleRowCount())
                return nullptr;
            RowObject* row = rowAt(*holder, static_cast<guint>(index));
            return row ? ATK_OBJECT(g_object_ref(row)) : nullptr;
        });
    AtkObjectClass* parent = listParentClass(list);
    return parent->ref_child ? parent->ref_child(list, index) : nullptr;
}

AtkStateSet* listStateSet(AtkObject* list)
{
    AtkStateSet* set = listParentClass(list)->ref_state_set(list);
    // The rows are made on demand and told through active-descendant-changed, as GTK's
    // own tree view does: assistive tools then ask for them rather than caching them all.
    if (holderOf(list))
        atk_state_set_add_state(set, ATK_STATE_MANAGES_DESCENDANTS);
    return set;
}

gboolean selectionAdd(AtkSelection* selection, gint index)
{
    Holder* holder = holderOf(ATK_OBJECT(selection));
    if (!holder || index < 0)
        return FALSE;
    return contained(FALSE, [&] { return holder->source->accessibleSelectRow(static_cast<std::size_t>(index)) ? TRUE : FALSE; });
}

gboolean selectionRefuse(AtkSelection*) { return FALSE; }
gboolean selectionRefuseAt(AtkSelection*, gint) { return FALSE; }

gint selectionCount(AtkSelection* selection)
{
    Holder* holder = holderOf(ATK_OBJECT(selection));
    return holder && contained(-1, [&] { return holder->source->accessibleSelection(); }) >= 0 ? 1 : 0;
}

AtkObject* selectionRef(AtkSelection* selection, gint i)
{
    Holder* holder = holderOf(ATK_OBJECT(selection));
    if (!holder || i != 0)
        return nullptr;
    const int selected = contained(-1, [&] { return holder->source->accessibleSelection(); });
    return selected >= 0 ? listChild(ATK_OBJECT(selection), selected) : nullptr;
}

gboolean selectionHas(AtkSelection* selection, gint i)
{
    Holder* holder = holderOf(ATK_OBJECT(selection));
    return holder && i >= 0 && contained(-1, [&] { return holder->source->accessibleSelection(); }) == i;
}

void selectionInit(gpointer iface, gpointer)
{
    auto* selection = static_cast<AtkSelectionIface*>(iface);
    selection->add_selection = selectionAdd;
    selection->clear_selection = selectionRefuse;
    selection->ref_selection = selectionRef;
    selection->get_selection_count = selectionCount;
    selection->is_child_selected = selectionHas;
    selection->remove_selection = selectionRefuseAt;
    selection->select_all_selection = selectionRefuse;
}

void listClassInit(gpointer klass, gpointer)
{
    auto* atk = ATK_OBJECT_CLASS(klass);
    atk->get_n_children = listChildCount;
    atk->ref_child = listChild;
    atk->ref_state_set = listStateSet;
}

bool isOurList(AtkObjectClass* klass) { return klass->get_n_children == listChildCount; }

// The type derived from `parent` for a list with rows, with AtkSelection.
GType listTypeFor(GType parent)
{
    if (g_type_is_a(parent, ATK_TYPE_SELECTION))
        return 0; // a parent that has its own selection is not one we know
    GTypeQuery query; // the same sizes: the derived type adds no field
    g_type_query(parent, &query);
    if (query.type == 0)
        return 0;
    const GType type = typeNamed(std::string("RapportRowsOf") + g_type_name(parent), parent, query.class_size,
                                 query.instance_size, listClassInit, isOurList);
    if (type != 0 && !g_type_is_a(type, ATK_TYPE_SELECTION)) {
        const GInterfaceInfo selection{selectionInit, nullptr, nullptr};
        g_type_add_interface_static(type, ATK_TYPE_SELECTION, &selection);
    }
    return type;
}

// Gives `list` the derived type (once): its class pointer changes, nothing else does.
bool adopt(AtkObject* list)
{
    if (isOurList(ATK_OBJECT_GET_CLASS(list)))
        return true;
    const GType parent = G_OBJECT_TYPE(list);
    const GType derived = listTypeFor(parent);
    if (derived == 0)
        return false;
    GTypeQuery own, theirs;
    g_type_query(parent, &theirs);
    g_type_query(derived, &own);
    if (own.instance_size != theirs.instance_size)
        return false;
    auto* instance = reinterpret_cast<GTypeInstance*>(list);
    gpointer previous = instance->g_class;
    instance->g_class = static_cast<GTypeClass*>(g_type_class_ref(derived));
    g_type_class_unref(previous);
    return true;
}

AtkObject* accessibleOf(wxWindow& window)
{
    GtkWidget* widget = window.m_wxwindow ? window.m_wxwindow : window.m_widget;
    return widget ? gtk_widget_get_accessible(widget) : nullptr;
}

} // namespace

AccessibleRows::AccessibleRows(wxWindow& list, AccessibleRowSource& source) : source_(source)
{
    AtkObject* accessible = accessibleOf(list);
    if (!accessible)
        return;
    accessible_ = accessible;
    g_object_add_weak_pointer(G_OBJECT(accessible), &accessible_);
    rows_ = adopt(accessible);
    if (!rows_)
        return; // the list stays as GTK made it: role, name and description only
    auto* holder = new Holder;
    holder->source = &source;
    holder->list = accessible;
    g_object_set_qdata_full(G_OBJECT(accessible), holderQuark(), holder, destroyHolder);
}

AccessibleRows::~AccessibleRows()
{
    if (!accessible_)
        return;
    GObject* accessible = G_OBJECT(accessible_);
    g_object_remove_weak_pointer(accessible, &accessible_);
    // The rows are let go (each held the list): the list answers as an empty one from now.
    if (rows_)
        g_object_set_qdata(accessible, holderQuark(), nullptr);
}

void AccessibleRows::setName(const wxString& name)
{
    if (!accessible_)
        return;
    auto* list = static_cast<AtkObject*>(accessible_);
    atk_object_set_role(list, ATK_ROLE_LIST);
    contained(0, [&] {
        atk_object_set_name(list, name.utf8_str());
        return 0;
    });
}

void AccessibleRows::rowsChanged(std::size_t before)
{
    contained(0, [&] {
        tellRowsChanged(before);
        return 0;
    });
}

void AccessibleRows::selectionChanged()
{
    contained(0, [&] {
        tellSelectionChanged();
        return 0;
    });
}

void AccessibleRows::tellRowsChanged(std::size_t before)
{
    auto* list = static_cast<AtkObject*>(accessible_);
    Holder* holder = list ? holderOf(list) : nullptr;
    if (!holder)
        return;
    const AccessibleRowSource& source = *holder->source;
    const std::size_t after = source.accessibleRowCount();
    // Rows gone, from the last.
    for (std::size_t i = std::max(before, holder->rows.size()); i-- > after;) {
        RowObject* row = i < holder->rows.size() ? holder->rows[i] : nullptr;
        if (i < holder->rows.size())
            holder->rows[i] = nullptr;
        if (row || holder->asked)
            g_signal_emit_by_name(list, "children-changed::remove", static_cast<guint>(i), row);
        if (row)
            releaseRow(row);
    }
    if (holder->rows.size() > after)
        holder->rows.resize(after);
    // Rows kept: new words (a tick, another language) and whether done.
    for (RowObject* row : holder->rows) {
        if (!row)
            continue;
        AtkObject* object = ATK_OBJECT(row);
        const std::string text = source.accessibleRowText(row->index).utf8_string();
        if (g_strcmp0(atk_object_get_name(object), text.c_str()) != 0)
            atk_object_set_name(object, text.c_str());
        const gboolean checked = source.accessibleRowIsItem(row->index) && source.accessibleRowIsDone(row->index);
        if (checked != row->toldChecked) {
            row->toldChecked = checked;
            atk_object_notify_state_change(object, ATK_STATE_CHECKED, checked);
        }
    }
    // Rows come.
    for (std::size_t i = before; holder->asked && i < after; ++i)
        if (RowObject* row = rowAt(*holder, static_cast<guint>(i)))
            g_signal_emit_by_name(list, "children-changed::add", static_cast<guint>(i), row);
    g_signal_emit_by_name(list, "visible-data-changed");
}

void AccessibleRows::tellSelectionChanged()
{
    auto* list = static_cast<AtkObject*>(accessible_);
    if (!list)
        return;
    const AccessibleRowSource& source = source_;
    const int selected = source.accessibleSelection();
    // Route (a) as well: the selected row's words as the list's description, which a
    // screen reader reads with the list.
    const wxString text = selected >= 0 ? source.accessibleRowText(static_cast<std::size_t>(selected)) : wxString();
    if (text != description_) {
        description_ = text;
        atk_object_set_description(list, text.utf8_str());
    }
    Holder* holder = holderOf(list);
    if (!holder)
        return;
    const bool focused = source.accessibleListHasFocus();
    for (RowObject* row : holder->rows) {
        if (!row)
            continue;
        const gboolean isSelected = selected == static_cast<int>(row->index);
        const gboolean isFocused = isSelected && focused;
        if (isSelected != row->toldSelected) {
            row->toldSelected = isSelected;
            atk_object_notify_state_change(ATK_OBJECT(row), ATK_STATE_SELECTED, isSelected);
        }
        if (isFocused != row->toldFocused) {
            row->toldFocused = isFocused;
            atk_object_notify_state_change(ATK_OBJECT(row), ATK_STATE_FOCUSED, isFocused);
        }
    }
    if (selected != holder->toldSelection) {
        holder->toldSelection = selected;
        g_signal_emit_by_name(list, "selection-changed");
        if (selected >= 0)
            if (RowObject* row = rowAt(*holder, static_cast<guint>(selected)))
                g_signal_emit_by_name(list, "active-descendant-changed", row);
    }
}

} // namespace rapport::ui
