// Every wx event handler of ours runs its body through runContained(): an exception that
// reached wx's event loop would end the host editor, and the user's unsaved work with it.
#pragma once

#include <exception>
#include <string>

namespace rapport::ui {

// Runs `body`; if it throws, `onFailure` hears the exception's words ("" when it had none).
// Whatever `onFailure` throws is swallowed too: nothing leaves.
template <class Body, class OnFailure>
void runContained(Body&& body, OnFailure&& onFailure) noexcept
{
    try {
        body();
        return;
    } catch (const std::exception& e) {
        try {
            onFailure(std::string(e.what()));
        } catch (...) {
        }
    } catch (...) {
        try {
            onFailure(std::string());
        } catch (...) {
        }
    }
}

} // namespace rapport::ui
